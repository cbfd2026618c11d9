"""The staff's second factor in tests: a TOTP device per user and the codes its authenticator app would show."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

TEST_DEVICE_NAME = "Test authenticator"


def totp_device(user):
    """``user``'s confirmed TOTP device used by the tests, created on first use."""
    device, _created = TOTPDevice.objects.get_or_create(user=user, name=TEST_DEVICE_NAME, defaults={"confirmed": True})
    return device


def current_token(device):
    """The code ``device``'s authenticator app shows now, as a string of its digits.

    A code is accepted once: if this time step's code was used already, the next step's
    (within the device's tolerance of one step) is the one to type.
    """
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += (device.last_t + 1 - totp.t()) * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_token(device):
    """A well-formed code that is not ``device``'s for any step it would accept now."""
    accepted = set()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now = time.time()
    for offset in range(-device.tolerance - 1, device.tolerance + 2):
        totp.time = now + offset * device.step
        accepted.add(totp.token())
    return next(f"{code:06d}" for code in range(10**6) if code not in accepted)
