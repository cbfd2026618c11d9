"""The mailing list's public addresses, under the language prefix (cms/urls.py includes them)."""

from django.urls import path

from . import api, views

app_name = "supporters"

urlpatterns = [
    path("subscribe/", views.footer_sign_up, name="sign_up"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm_view, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences_view, name="preferences"),
]

api_urlpatterns = [
    path("subscribe/", api.subscribe, name="api_mailing_list_subscribe"),
]
