"""The campaign actions' addresses, included by cms/urls.py in three places (the API, the admin, the site)."""

from django.urls import path

from . import actions_api, actions_export, actions_views

api_urlpatterns = [
    path("<int:page_id>/petition/sign/", actions_api.sign_petition, name="api_campaign_petition_sign"),
    path("<int:page_id>/letter/send/", actions_api.send_letter, name="api_campaign_letter_send"),
]

admin_urlpatterns = [
    path("<int:page_id>/signatures.csv", actions_export.export_signatures, name="supporters_export_petition"),
    path("<int:page_id>/letters.csv", actions_export.export_letters, name="supporters_export_letters"),
]

# Under the language prefix, so errors and messages speak the campaign's language.
site_urlpatterns = [
    path("<int:page_id>/petition/", actions_views.sign_petition, name="supporters_sign_petition"),
    path("<int:page_id>/letter/", actions_views.write_letter, name="supporters_write_letter"),
    path("petition/confirm/<str:token>/", actions_views.confirm_signature, name="supporters_confirm_signature"),
    path("letter/confirm/<str:token>/", actions_views.confirm_letter, name="supporters_confirm_letter"),
]
