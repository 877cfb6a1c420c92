"""Whatever is typed into the set-password form, the answer is a Vietnamese refusal: never a
crash, never a password set without the right code."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gandan.accounts import services
from gandan.test import MemberFactory


@pytest.mark.django_db
def test_any_typed_code_is_refused_cleanly(world):
    member = MemberFactory(cell=world.cell_a1, phone="0977111222")
    user, code = services.member_account_issue(actor=world.secretary, member=member)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        username=st.one_of(st.just("0977 111 222"), st.just("a\x00b"), st.text(max_size=30)),
        typed=st.text(max_size=12).filter(lambda t: t.strip() != code),
    )
    def attempt(username, typed):
        with pytest.raises(ValidationError) as refused:
            services.password_set_with_code(username=username, code=typed, password="x" * 12)
        assert "Mã không đúng" in " ".join(refused.value.messages)

    attempt()
    user.refresh_from_db()
    assert not user.has_usable_password()
