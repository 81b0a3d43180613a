"""The review's admin URLs, under ``/admin/review/`` (namespace ``alliance_review``)."""

from django.urls import include, path, re_path

from .listing import ReviewIndexView
from .pages import ReviewCompareView, ReviewHistoryView, ReviewPageView, ReviewPreviewView

# As Wagtail's own comparison: "live", the earliest or latest version, or a revision id.
COMPARE = (
    r"^pages/(?P<page_id>\d+)/compare/"
    r"(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$"
)

review_urls = [
    path("", ReviewIndexView.as_view(), name="index"),
    path("results/", ReviewIndexView.as_view(results_only=True), name="index_results"),
    path("pages/<int:page_id>/", ReviewPageView.as_view(), name="page"),
    path("pages/<int:page_id>/history/", ReviewHistoryView.as_view(), name="history"),
    path(
        "pages/<int:page_id>/history/results/",
        ReviewHistoryView.as_view(results_only=True),
        name="history_results",
    ),
    re_path(COMPARE, ReviewCompareView.as_view(), name="compare"),
    path("pages/<int:page_id>/preview/", ReviewPreviewView.as_view(), name="preview"),
    path(
        "pages/<int:page_id>/revisions/<int:revision_id>/preview/",
        ReviewPreviewView.as_view(),
        name="preview_revision",
    ),
]


def admin_urls():
    return [path("review/", include((review_urls, "alliance_review"), namespace="alliance_review"))]
