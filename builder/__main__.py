import os
import sys

from builder.cli import main


def _watched() -> bool:
    """Whether a profiler, tracer or coverage tool may still have a report to write at exit."""
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+
    tools = monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))
    return sys.getprofile() is not None or sys.gettrace() is not None or tools or "coverage" in sys.modules


code = main()
if not _watched():
    # A build leaves hundreds of MB of objects that exiting would free one by one (some 50 ms at a
    # thousand articles), for nothing: every file is written and closed by now. Under a profiler, tracer or
    # coverage tool, exit normally so that they can write their reports.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away (`... | head`): nothing more to say
        pass
    os._exit(code)
raise SystemExit(code)
