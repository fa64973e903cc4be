"""Accounts: users with a role, API tokens for scripts, login with lock-out.

    from planwatch.accounts import Accounts
    accounts = Accounts(store)
    accounts.add_user("李明", password, "reviewer", by="admin")
    user = accounts.authenticate("李明", password)     # LoginRefused, AccountLocked
    token, secret = accounts.add_token("李明", "nightly upload")   # the secret is shown once
    accounts.user_for_token(secret)                    # None once revoked

Every change is written to the store's audit log with who made it.
"""

from .accounts import ROLES, Accounts, Role, Token, User

__all__ = ["ROLES", "Accounts", "Role", "Token", "User"]
