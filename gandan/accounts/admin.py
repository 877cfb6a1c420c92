from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from gandan.accounts.models import Token, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Gần Dân", {"fields": ("phone", "must_set_password")}))
    list_display = ["username", "first_name", "last_name", "phone", "is_staff", "is_active"]


@admin.register(Token)
class TokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["digest", "prefix", "created_at", "last_used_at"]
    raw_id_fields = ["user"]
