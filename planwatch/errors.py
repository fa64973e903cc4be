"""The one exception tree of planwatch.

    PlanwatchError                 base: the CLI and the web app catch only this
    ├── SettingsError              a setting is missing or malformed
    ├── DocumentError              a file cannot become a Document (names file and reason)
    │   ├── UnreadableFile         missing, a directory, no permission
    │   │   └── FileTooLarge       over the max_file_mb setting (checked before reading)
    │   ├── EmptyDocument          zero bytes, or no text after decoding
    │   ├── OverLimit              reading it would cost more than a limit allows (inflated size,
    │   │   │                      pages, seconds a page)
    │   │   └── OverBudget         its worker process ran out of time or memory and was stopped
    │   ├── UnsupportedFormat      recognised but refused (.doc, .wps, .ofd, scanned PDF ...)
    │   │   └── BinaryFile         images, archives, executables: not a document at all
    │   └── DecodeError            bytes that no supported encoding decodes
    │       └── MixedEncoding      the encoding changes partway through the file
    ├── StoreError                 the database refused an operation
    │   ├── NoDatabase             a read found no database where it looked (none is created)
    │   └── EditConflict           someone else decided on a fact since it was read (carries their decision)
    ├── QueryError                 what was asked for is malformed (a period "abc")
    │   └── NotStored              ... or names what is not stored (a region no document is of)
    ├── EvaluationError            a report or verdict cannot be produced
    ├── AccountError               a user or token operation refused (a name taken, an unknown user, a short password)
    └── LoginRefused               a wrong user name or password
        ├── AccountDisabled        the right password of a disabled account
        └── AccountLocked          too many wrong passwords in a row: refused until `until`
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # annotations only: the CLI's help imports this module and nothing heavier
    from datetime import datetime
    from pathlib import Path


class PlanwatchError(Exception):
    """Base of every error planwatch raises on purpose."""


class SettingsError(PlanwatchError):
    pass


class DocumentError(PlanwatchError):
    """A file that cannot be read as a document; the message names the file."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):   # raised in a worker process, rebuilt in the caller
        return type(self), (self.path, self.reason)


class UnreadableFile(DocumentError):
    pass


class FileTooLarge(UnreadableFile):
    pass


class EmptyDocument(DocumentError):
    pass


class OverLimit(DocumentError):
    pass


class OverBudget(OverLimit):
    pass


class UnsupportedFormat(DocumentError):
    pass


class BinaryFile(UnsupportedFormat):
    pass


class DecodeError(DocumentError):
    pass


class MixedEncoding(DecodeError):
    pass


class StoreError(PlanwatchError):
    pass


class NoDatabase(StoreError):
    pass


class EditConflict(StoreError):
    """A decision on a fact or commitment made against a state someone else has since changed: `current`
    is their decision (a store Decision), so the second reviewer sees it and nothing is lost."""

    def __init__(self, message: str, current):
        super().__init__(message)
        self.current = current


class QueryError(PlanwatchError):
    """`zh`: the same message in Chinese, for the dashboard's default language."""

    def __init__(self, message: str, zh: str | None = None):
        super().__init__(message)
        self.zh = zh or message


class NotStored(QueryError):
    pass


class EvaluationError(PlanwatchError):
    pass


class AccountError(PlanwatchError):
    pass


class LoginRefused(PlanwatchError):
    pass


class AccountDisabled(LoginRefused):
    pass


class AccountLocked(LoginRefused):
    def __init__(self, name: str, until: datetime):
        self.until = until
        super().__init__(f"the account {name} is locked after too many wrong passwords, until {until:%Y-%m-%d %H:%M} UTC")
