"""PLACEHOLDER: being written (exports of the question bank). Contract:

EXPORT_FORMATS: dict[str, str]  # format name ('anki', 'anki-tsv', 'quizlet', 'json') -> default file name
def export_bank(fmt: str, corpus: Corpus) -> bytes
def downloads(corpus: Corpus, bank: Sequence[Question]) -> dict[str, bytes]  # docs path -> bytes
"""
