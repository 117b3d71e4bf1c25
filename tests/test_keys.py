from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from flightline.auth.keys import generate_key_id, generate_secret, hash_secret, well_formed


def test_live_and_test_prefixes() -> None:
    assert generate_secret(sandbox=False).startswith("fl_live_")
    assert generate_secret(sandbox=True).startswith("fl_test_")


def test_random_part_is_base62_with_at_least_192_bits() -> None:
    secret = generate_secret(sandbox=False)
    random_part = secret[len("fl_live_") : -6]
    assert random_part.isalnum() and random_part.isascii()
    assert len(random_part) * math.log2(62) >= 192


def test_generated_keys_are_unique_and_well_formed() -> None:
    secrets = {generate_secret(sandbox=False) for _ in range(500)}
    assert len(secrets) == 500
    assert all(well_formed(s) for s in secrets)


def test_a_single_typo_fails_the_checksum() -> None:
    secret = generate_secret(sandbox=False)
    for index in range(len("fl_live_"), len(secret)):
        replacement = "A" if secret[index] != "A" else "B"
        typo = secret[:index] + replacement + secret[index + 1 :]
        assert not well_formed(typo)


def test_key_ids_are_not_secrets_and_differ_from_keys() -> None:
    key_id = generate_key_id()
    assert key_id.startswith("key_") and not well_formed(key_id)


def test_hash_is_sha256_and_stable() -> None:
    secret = generate_secret(sandbox=True)
    assert hash_secret(secret) == hash_secret(secret)
    assert len(hash_secret(secret)) == 32


@given(st.text(max_size=80))
def test_arbitrary_text_is_never_well_formed_by_accident(text: str) -> None:
    # A random string passing shape and checksum would need ~2^35 tries.
    if not text.startswith(("fl_live_", "fl_test_")):
        assert not well_formed(text)
