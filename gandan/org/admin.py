from django.contrib import admin

from gandan.org.models import CellArea, MassOrgPosition, Member, Role, Unit


class CellAreaInline(admin.TabularInline):
    model = CellArea
    extra = 0
    autocomplete_fields = ["area"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "commune"]
    list_filter = ["kind", "province"]
    search_fields = ["name"]
    inlines = [CellAreaInline]
    list_select_related = ["parent", "commune"]


class PositionInline(admin.TabularInline):
    model = MassOrgPosition
    extra = 0


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["full_name", "cell", "status", "birth_year", "availability", "left_on"]
    list_filter = ["status", "availability", "is_retired_cadre"]
    search_fields = ["search_name", "full_name", "phone"]
    list_select_related = ["cell"]
    raw_id_fields = ["user"]
    inlines = [PositionInline]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "unit"]
    list_filter = ["kind"]
    raw_id_fields = ["user", "unit"]
