"""A page of ranked object ids turned back into the caller's queryset, in rank order.

Both database backends rank inside the index tables and get (object id, score) pairs
for one page of hits; the caller wants its own queryset's objects, ordered like the
ranking and, where asked, with the score annotated (Wagtail's ``score_field``).
"""

from django.db.models import Case, FloatField, IntegerField, QuerySet, Value, When


def in_rank_order(queryset: QuerySet, ranked: list[tuple[str, float]], score_field=None):
    """``queryset`` cut to the ranked ids (text, as the index stores them), in that order."""
    if not ranked:
        return queryset.none()
    to_pk = queryset.model._meta.pk.to_python
    page = [(to_pk(object_id), score) for object_id, score in ranked]
    position = Case(
        *(When(pk=pk, then=Value(n)) for n, (pk, _score) in enumerate(page)),
        output_field=IntegerField(),
    )
    found = queryset.filter(pk__in=[pk for pk, _score in page]).order_by(position)
    if score_field is None:
        return found
    score = Case(*(When(pk=pk, then=Value(score)) for pk, score in page), output_field=FloatField())
    return found.annotate(**{score_field: score})
