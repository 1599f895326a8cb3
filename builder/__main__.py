import os
import sys

from builder.cli import main

code = main()
if sys.getprofile() is None and sys.gettrace() is None:
    # A build leaves hundreds of MB of objects that exiting would free one by one (some 50 ms at a
    # thousand articles), for nothing: every file is written and closed by now. Under a profiler or a coverage
    # tracer, exit normally so they can write their reports.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
raise SystemExit(code)
