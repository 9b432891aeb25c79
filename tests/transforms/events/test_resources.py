"""The coder's model multiplies through numpy's BLAS, in one thread per process."""
from __future__ import annotations

import numpy
import pytest
from thinc.backends.numpy_ops import NumpyOps
from threadpoolctl import threadpool_info

from transforms.events.resources import NumpyBlasOps


@pytest.mark.parametrize("trans1, trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_numpy_blas_gemm_is_thincs_product(trans1, trans2):
    rng = numpy.random.default_rng(7)
    x = rng.random((5, 7) if not trans1 else (7, 5), dtype="float32")
    y = rng.random((7, 3) if not trans2 else (3, 7), dtype="float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = NumpyBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (5, 3)
    numpy.testing.assert_allclose(got, expected, rtol=1e-5)
    out = numpy.zeros((5, 3), dtype="float32")
    assert NumpyBlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-5)


def test_every_layer_of_the_loaded_model_uses_numpy_blas(resources):
    for name, component in resources.nlp.components:  # the disabled NER included
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            assert all(isinstance(node.ops, NumpyBlasOps) for node in model.walk()), name


def test_the_coders_process_multiplies_in_one_blas_thread(resources):
    """Loading the coder's resources leaves numpy's BLAS at one thread for the process."""
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    if not blas:
        pytest.skip("numpy was built without a BLAS that threadpoolctl can see")
    assert {lib["num_threads"] for lib in blas} == {1}
