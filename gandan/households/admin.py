from django.contrib import admin

from gandan.households.models import Assignment, Household, HouseholdShare, Resident


class ResidentInline(admin.TabularInline):
    model = Resident
    extra = 0
    exclude = ["search_name"]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["head_name", "area", "residents_count", "ethnicity", "left_on"]
    list_filter = ["area__commune"]
    search_fields = ["search_name", "head_name"]
    list_select_related = ["area"]
    raw_id_fields = ["area"]
    inlines = [ResidentInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["household", "member", "starts_on", "ends_on"]
    raw_id_fields = ["household", "member", "assigned_by"]
    list_select_related = ["household", "member"]


@admin.register(HouseholdShare)
class HouseholdShareAdmin(admin.ModelAdmin):
    list_display = ["household", "member", "reason", "starts_on", "ends_on"]
    raw_id_fields = ["household", "member", "granted_by"]
