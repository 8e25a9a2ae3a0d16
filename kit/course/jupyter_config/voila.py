# Voilà settings of the app mode (`make app`; Binder's second link): lessons shown without code,
# the Markdown meant for JupyterLab only replaced by a note (kit/course/app_mode.py). Voilà reads
# this file from every Jupyter config folder: JUPYTER_CONFIG_PATH in `make app`, ~/.jupyter on
# Binder (postBuild), the environment's etc/jupyter after a regular pip install.
from kit.course.app_mode import prepare_for_app

c = get_config()  # noqa: F821 (given by the config loader)
c.VoilaConfiguration.prelaunch_hook = prepare_for_app
c.VoilaConfiguration.strip_sources = True
