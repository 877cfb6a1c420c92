from ninja import Router, Schema

from gandan import access
from gandan.org import selectors

router = Router(tags=["org"])


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    member_id: int | None
    member_cell_id: int | None
    roles: list[dict]
    read_only: bool


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    parent: int | None
    commune: str | None


@router.get("/me", response=MeOut, summary="Người dùng hiện tại và vai trò")
def me(request):
    scope = access.scope_for(request.user)
    roles = [
        {"kind": kind, "unit_id": unit_id, "unit": name}
        for kind, unit_id, name in request.user.roles.values_list("kind", "unit_id", "unit__name")
    ]
    return {
        "id": request.user.pk,
        "username": request.user.username,
        "full_name": request.user.get_full_name(),
        "member_id": scope.member_id,
        "member_cell_id": scope.member_cell_id,
        "roles": roles,
        "read_only": scope.is_viewer_only,
    }


@router.get("/units", response=list[UnitOut], summary="Các tổ chức đảng người dùng được xem")
def units(request):
    return [
        {
            "id": u.pk,
            "name": u.name,
            "kind": u.kind,
            "parent": u.parent_id,
            "commune": u.commune.name if u.commune_id else None,
        }
        for u in selectors.unit_list_for(user=request.user)
    ]
