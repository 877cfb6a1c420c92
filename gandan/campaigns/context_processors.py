from django.utils.functional import SimpleLazyObject

from gandan.campaigns.selectors import has_reviews


def reviews(request):
    """Whether the signed-in member has accountability reviews (for the menu link): one
    EXISTS query, made only when a page's menu asks for it, i.e. for plain members (a
    secretary or committee member who has reviews finds the link on the campaigns page)."""
    user = getattr(request, "user", None)
    return {"campaigns_has_reviews": SimpleLazyObject(lambda: {"yes": has_reviews(user)})}
