"""The load benchmark's bare INSERT endpoint exists only under its own settings."""

import pytest
from django.urls import Resolver404, resolve


def test_the_raw_insert_is_not_in_the_production_urls():
    with pytest.raises(Resolver404):
        resolve("/bench/raw-insert")


def test_the_benchmark_urls_add_the_raw_insert_to_the_production_ones():
    from amanat.urls_bench import bench_raw_insert

    assert resolve("/bench/raw-insert", urlconf="amanat.urls_bench").func is bench_raw_insert
    assert resolve("/healthz", urlconf="amanat.urls_bench").url_name == "healthz"
