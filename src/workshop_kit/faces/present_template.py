"""The `workshop_reveal` template's preprocessor (named in its conf.json): marks where each cell
goes on the slides, as `faces.present.slide_marks` decides."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor

from workshop_kit.faces.present import SLIDE_MARK, slide_marks


class SectionSlides(Preprocessor):
    """Runs in Voilà's server on its copy of the notebook; the saved notebook is never changed."""

    def preprocess(self, nb, resources):
        for cell, mark in zip(nb.cells, slide_marks(nb.cells), strict=True):
            cell.metadata[SLIDE_MARK] = mark
        return nb, resources
