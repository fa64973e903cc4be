"""User administration in the browser, for admins: the same calls as `planwatch users ...`.

Every change is written to the audit log under the admin's name.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from ..accounts import ROLES, User
from ..words import Words
from .auth import require_role
from .render import respond

router = APIRouter(prefix="/admin")
ADMIN = require_role("admin")
COLUMNS = ["name", "role", "disabled", "created_at", "locked_until"]


@router.get("/users", summary="用户管理:用户、角色、停用与锁定(管理员)", dependencies=[Depends(ADMIN)])
async def users_page(request: Request):
    users = await run_in_threadpool(request.app.state.accounts.users)
    rows = [user.to_dict() for user in users]
    return respond(request, "users.html", {"users": rows, "roles": list(ROLES),
                                           "tables": [{"name": "users", "columns": COLUMNS, "rows": rows}],
                                           "filename": "planwatch-users"})


@router.post("/users", summary="添加用户(管理员)")
async def add_user(request: Request, name: str = Form(...), role: str = Form(...), password: str = Form(...),
                   repeat: str = Form(...), admin: User = Depends(ADMIN)):
    if password != repeat:
        raise HTTPException(400, Words("两次输入的密码不一致", "the two passwords differ"))
    await run_in_threadpool(request.app.state.accounts.add_user, name, password, role, admin.name)
    return _back()


@router.post("/users/{name}/role", summary="更改用户角色(管理员)")
async def set_role(request: Request, name: str = Path(max_length=64), role: str = Form(...),
                   admin: User = Depends(ADMIN)):
    await run_in_threadpool(request.app.state.accounts.set_role, name, role, admin.name)
    return _back()


@router.post("/users/{name}/disabled", summary="停用或启用用户(管理员)")
async def set_disabled(request: Request, name: str = Path(max_length=64), disabled: bool = Form(...),
                       admin: User = Depends(ADMIN)):
    if disabled and name == admin.name:
        raise HTTPException(400, Words("不能停用自己的账户", "you cannot disable your own account"))
    await run_in_threadpool(request.app.state.accounts.set_disabled, name, disabled, admin.name)
    return _back()


def _back() -> RedirectResponse:
    return RedirectResponse("/admin/users", status_code=303)
