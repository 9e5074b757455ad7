"""Only one job beyond pyproject.toml: ship a copy of the top-level `case_studies/` inside the
wheel (as `workshop_kit/content/case_studies/`), so an installed kit has its case studies while
the repository keeps them at the top level where trainers find them."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCaseStudies(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "case_studies"
        if self.editable_mode or not source.is_dir():
            return  # an editable install reads case_studies/ in place
        target = Path(self.build_lib) / "workshop_kit" / "content" / "case_studies"
        target.mkdir(parents=True, exist_ok=True)
        for case in sorted(source.glob("*.yaml")):
            self.copy_file(str(case), str(target / case.name))


setup(cmdclass={"build_py": BuildWithCaseStudies})
