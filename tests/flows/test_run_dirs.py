"""Crawl output directories of old runs are pruned; other files in the work directory are left alone."""
from flows.pipeline import _prune_run_dirs


def test_only_the_latest_run_directories_are_kept(tmp_path):
    for day in range(1, 9):
        (tmp_path / f"202611{day:02d}T000000Z-abc").mkdir()
    (tmp_path / "demo-sources.toml").write_text("[[source]]")
    _prune_run_dirs(tmp_path, keep=5)
    assert sorted(p.name[:8] for p in tmp_path.iterdir() if p.is_dir()) == [f"202611{d:02d}" for d in range(4, 9)]
    assert (tmp_path / "demo-sources.toml").exists()


def test_missing_work_directory_is_fine(tmp_path):
    _prune_run_dirs(tmp_path / "none")
