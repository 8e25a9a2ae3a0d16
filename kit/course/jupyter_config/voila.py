# Voilà settings of the app mode (`make app`; Binder's second link): lessons shown without code,
# the Markdown meant for JupyterLab only replaced by a note (kit/course/app_mode.py). Voilà reads
# this file from every Jupyter config folder: JUPYTER_CONFIG_PATH in `make app`, ~/.jupyter on
# Binder (postBuild), the environment's etc/jupyter after a regular pip install.
import os

from jupyter_core.paths import jupyter_path

from kit.course.app_mode import prepare_for_app

c = get_config()  # noqa: F821 (given by the config loader)
c.VoilaConfiguration.prelaunch_hook = prepare_for_app
c.VoilaConfiguration.strip_sources = True
# The kit's page template (kit/course/jupyter_data/voila/templates/framing-lab: Voilà's own,
# with no request to a CDN), where Voilà can find it: JUPYTER_PATH in `make app`, the
# environment's share/jupyter after pip install or on Binder. Elsewhere Voilà's default stays.
if any(os.path.isfile(os.path.join(root, "voila", "templates", "framing-lab", "conf.json"))
       for root in jupyter_path()):
    c.VoilaConfiguration.template = "framing-lab"
# A kernel whose page was closed (no connection left) is shut down after five idle minutes;
# Voilà starts one kernel per page visit, and answers are saved on every check. A page still
# open keeps its kernel however long the student reads.
c.MappingKernelManager.cull_idle_timeout = 300
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = False
