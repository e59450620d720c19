"""Text as it comes in from outside (a phone, a spreadsheet): without control characters.

NUL cannot be stored in a PostgreSQL text column (SQLite would keep it silently), and the
other C0 control characters are never typed, only pasted or left by other software. Tab,
line feed and carriage return are text and stay.
"""

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control(text: str) -> str:
    return CONTROL.sub("", text)
