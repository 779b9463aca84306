from django.urls import path

from . import views, views_entry, views_pvt

app_name = "results"
urlpatterns = [
    path("reconciliation/", views.reconciliation_page, name="reconciliation"),
    path("reconciliation.csv", views.reconciliation_csv, name="reconciliation_csv"),
    path("protocol-photo/", views_entry.photo_upload, name="photo_upload"),
    path("entry/", views_entry.entry_queue, name="entry_queue"),
    path("entry/<int:pk>/", views_entry.entry_form, name="entry_form"),
    path("entry/<int:pk>/photo.jpg", views_entry.photo_image, name="photo_image"),
    path("pvt/", views_pvt.pvt_page, name="pvt"),
    path("pvt/estimates/", views_pvt.pvt_estimates_panel, name="pvt_estimates"),
]
