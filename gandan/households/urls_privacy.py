from django.urls import path

from gandan.households import views_privacy

urlpatterns = [
    path("<int:pk>/privacy/", views_privacy.privacy, name="privacy"),
    path("<int:pk>/privacy/export/", views_privacy.privacy_export, name="privacy_export"),
    path("<int:pk>/privacy/correct/", views_privacy.privacy_correct, name="privacy_correct"),
    path("<int:pk>/privacy/consent/", views_privacy.privacy_consent, name="privacy_consent"),
    path("<int:pk>/privacy/anonymise/", views_privacy.privacy_anonymise, name="privacy_anonymise"),
]
