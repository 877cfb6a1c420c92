from django.contrib import admin

from gandan.campaigns.models import AccountabilityReview, Campaign, Participation


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "measure", "starts_on", "ends_on", "status"]
    list_filter = ["status", "measure"]
    list_select_related = ["unit"]
    raw_id_fields = ["unit", "created_by"]
    search_fields = ["title"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["campaign", "household", "contributed_on", "quantity"]
    list_select_related = ["campaign", "household"]
    raw_id_fields = ["campaign", "household", "recorded_by"]


@admin.register(AccountabilityReview)
class AccountabilityReviewAdmin(admin.ModelAdmin):
    list_display = ["member", "campaign", "meeting_on", "status"]
    list_select_related = ["member", "campaign"]
    raw_id_fields = ["campaign", "member", "opened_by"]
