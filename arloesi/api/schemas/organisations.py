from ninja import Schema


class UnitOut(Schema):
    id: int
    kind: str
    code: str
    name: str
    name_en: str
    name_cy: str
    parent_id: int | None


class UnitDetail(UnitOut):
    ancestors: list[UnitOut]
    children: list[UnitOut]


class UnitPage(Schema):
    count: int
    page: int
    pages: int
    results: list[UnitOut]
