"""Whether this session is temporary: on Binder, everything in it is deleted when it ends.

BinderHub starts each session with BINDER_LAUNCH_HOST, BINDER_REQUEST,
BINDER_PERSISTENT_REQUEST, BINDER_REF_URL and BINDER_REPO_URL set (its spawner's `get_env`);
a JupyterHub of a school sets none of them. A school running its own throw-away servers can
say so with FRAMING_LAB_TEMPORARY=1, and FRAMING_LAB_TEMPORARY=0 silences the notices.
"""
import os

BINDER_VARIABLES = ("BINDER_LAUNCH_HOST", "BINDER_REQUEST", "BINDER_PERSISTENT_REQUEST",
                    "BINDER_REF_URL", "BINDER_REPO_URL")


def temporary_session() -> bool:
    """True on Binder (or with FRAMING_LAB_TEMPORARY=1): work must be downloaded to be kept."""
    configured = os.environ.get("FRAMING_LAB_TEMPORARY", "").strip()
    if configured in ("0", "1"):
        return configured == "1"
    return any(os.environ.get(name) for name in BINDER_VARIABLES)
