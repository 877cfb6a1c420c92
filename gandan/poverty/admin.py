from django.contrib import admin

from gandan.poverty.models import Assessment, Indicator, Review, Standard, Target


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(Standard)
class StandardAdmin(admin.ModelAdmin):
    """A new national standard is added here, as data, without a release."""

    list_display = ["name", "first_year", "last_year", "rural_line", "urban_line"]
    inlines = [IndicatorInline]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["commune", "year", "stage", "opened_on", "recognised_on"]
    list_filter = ["year", "stage"]
    list_select_related = ["commune"]
    raw_id_fields = ["commune"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["household", "year", "status", "kind", "decided_on", "decided_by"]
    list_filter = ["year", "status", "kind"]
    list_select_related = ["household"]
    raw_id_fields = ["household", "review", "recorded_by"]
    search_fields = ["household__search_name"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["unit", "kind", "amount", "start_year", "end_year"]
    list_filter = ["kind"]
    list_select_related = ["unit"]
    raw_id_fields = ["unit"]
