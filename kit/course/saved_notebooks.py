"""What a lesson keeps when JupyterLab saves it: no widget views that cannot come back.

A widget lives in the kernel. When a student's notebook is saved (by them or by JupyterLab's
autosave) and reopened with a new kernel, every saved widget view would show "Error displaying
widget: model not found". This hook, run by Jupyter's server before each save, replaces each
widget view in a Framing Lab notebook with one line in the lesson's language asking to run the
cell again, and drops the stale widget state and the kit's page script (the script a widget
display adds for its buttons and times: an untrusted reopened notebook would show it as
"<IPython.core.display.Javascript object>"). Other outputs, and notebooks that do not use the
kit, are saved as they are.

A Jupyter server extension registers the hook. It is enabled by
`jupyter_config/jupyter_server_config.d/framing_lab.json`: installed into the environment's
`etc/jupyter` with the wheel, pointed at by JUPYTER_CONFIG_PATH in `make lab` (an editable
install copies no data files), and copied into ~/.jupyter by Binder's postBuild.
"""
from .editions import LANGUAGE_LINE
from .i18n import t

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
JAVASCRIPT = "application/javascript"
PAGE_SCRIPT_MARK = "__flPageScript"      # the name kit.widgets.base._PAGE_SCRIPT sets


def _jupyter_server_extension_points() -> list[dict]:
    return [{"module": "kit.course.saved_notebooks"}]


def _load_jupyter_server_extension(serverapp) -> None:
    serverapp.contents_manager.register_pre_save_hook(clear_widget_views)


def clear_widget_views(model: dict, **_context) -> None:
    """jupyter_server `ContentsManager.pre_save_hook`: changes `model` in place."""
    notebook = model.get("content") if model.get("type") == "notebook" else None
    if not isinstance(notebook, dict) or not uses_the_kit(notebook):
        return
    note = _rerun_note(notebook_language(notebook))
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code" and isinstance(cell.get("outputs"), list):
            cell["outputs"] = [note if _is_widget_view(output) else output
                               for output in cell["outputs"] if not _is_page_script(output)]
    notebook.get("metadata", {}).pop("widgets", None)


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def uses_the_kit(notebook: dict) -> bool:
    return any(cell.get("cell_type") == "code" and "import kit" in _source(cell)
               for cell in notebook.get("cells", []))


def notebook_language(notebook: dict) -> str:
    for cell in notebook.get("cells", []):
        found = LANGUAGE_LINE.search(_source(cell)) if cell.get("cell_type") == "code" else None
        if found and found.group(1) in ("ar", "en"):
            return found.group(1)
    return "ar"


def _is_widget_view(output: dict) -> bool:
    return isinstance(output, dict) and WIDGET_VIEW in (output.get("data") or {})


def _is_page_script(output: dict) -> bool:
    """The kit's page script (kit.widgets.base._PAGE_SCRIPT), which names itself."""
    script = (output.get("data") or {}).get(JAVASCRIPT) if isinstance(output, dict) else None
    return PAGE_SCRIPT_MARK in ("".join(script) if isinstance(script, list) else str(script or ""))


def _rerun_note(lang: str) -> dict:
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/plain": [t("saved_widget_rerun", lang)]}}
