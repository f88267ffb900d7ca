from django.urls import path

from .review import bulk, suggestions, views

urlpatterns = [
    path("", views.desk, name="desk"),
    path("review/", views.queue, name="queue"),
    path("review/export.csv", views.queue_export, name="queue-export"),
    path("review/bulk/", bulk.queue_bulk, name="queue-bulk"),
    path("review/article-titles/", views.article_titles, name="article-titles"),
    path("review/suggestions/", suggestions.suggestion_inbox, name="suggestion-inbox"),
    path("review/suggestions/<int:link_pk>/decide/", suggestions.suggestion_decide, name="suggestion-decide"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
    path("claims/<int:pk>/status/", views.claim_transition, name="claim-transition"),
    path("claims/<int:pk>/fields/", views.claim_fields, name="claim-fields"),
    path("claims/<int:pk>/assign/", views.claim_assign, name="claim-assign"),
    path("claims/<int:pk>/notes/", views.claim_annotate, name="claim-annotate"),
    path("claims/<int:pk>/notes/<int:annotation_pk>/remove/", views.claim_annotation_remove, name="claim-note-remove"),
    path("claims/<int:pk>/links/", views.claim_link, name="claim-link"),
    path("claims/<int:pk>/links/<int:link_pk>/remove/", views.claim_unlink, name="claim-unlink"),
    path("claims/<int:pk>/links/<int:link_pk>/decide/", views.claim_link_decide, name="claim-link-decide"),
    path("claims/<int:pk>/group/status/", views.claim_group_transition, name="claim-group-transition"),
    path("claims/<int:pk>/earlier-verdict/", views.claim_adopt_verdict, name="claim-adopt-verdict"),
    path("claims/<int:pk>/link-search/", views.claim_link_search, name="claim-link-search"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("articles/<int:pk>/retry-extraction/", views.article_retry_extraction, name="article-retry-extraction"),
]
