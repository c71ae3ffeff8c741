"""`python -m bot`: the same as the `nianbao` command."""

import sys

from bot.main import main

sys.exit(main())
