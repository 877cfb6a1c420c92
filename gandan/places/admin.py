from django.contrib import admin

from gandan.places.models import Area, Commune, Province


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["name"]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "province"]
    list_filter = ["kind", "province"]
    search_fields = ["search_name", "name"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_urban", "commune"]
    list_filter = ["kind", "is_urban"]
    search_fields = ["name"]
    raw_id_fields = ["commune"]
