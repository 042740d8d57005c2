"""The notebooks run end to end on corpus/ (so they never rot) and are stored without outputs."""
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = ["01_stemmen.ipynb", "02_citaten_en_sprekers.ipynb", "03_themas.ipynb"]


def test_notebooks_all_are_tested():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_are_stored_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_run_end_to_end(name, tmp_path):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    # Run in notebooks/ as Jupyter would, but keep the executed copy out of the repository.
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    nbformat.write(nb, tmp_path / name)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    figures = [c for c in nb.cells if c.cell_type == "code" and "plots.plot_" in c.source]
    assert figures and all(any("image/png" in o.get("data", {}) for o in c.outputs) for c in figures)
