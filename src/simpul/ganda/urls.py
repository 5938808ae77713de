from django.urls import path

from . import views

app_name = "ganda"

urlpatterns = [
    path("", views.antrean, name="antrean"),
    path("<int:pasangan_id>/", views.pasangan, name="pasangan"),
]
