"""ipywidgets for notebooks and the web app. Each widget works alone in any notebook."""

from workshop_kit.faces.widgets.case_explorer import CaseStudyExplorer
from workshop_kit.faces.widgets.countries import CountryConventions
from workshop_kit.faces.widgets.knowledge_check import KnowledgeCheck
from workshop_kit.faces.widgets.orders import OrdersComparison
from workshop_kit.faces.widgets.routes import RouteFinder
from workshop_kit.faces.widgets.timeline import TimelinePlanner
from workshop_kit.faces.widgets.viability import ViabilityBuilder

__all__ = [
    "CaseStudyExplorer",
    "CountryConventions",
    "KnowledgeCheck",
    "OrdersComparison",
    "RouteFinder",
    "TimelinePlanner",
    "ViabilityBuilder",
]
