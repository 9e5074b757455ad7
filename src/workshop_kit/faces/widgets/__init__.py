"""ipywidgets for notebooks and the web app. Each widget works alone in any notebook."""

from workshop_kit.faces.widgets.knowledge_check import KnowledgeCheck
from workshop_kit.faces.widgets.orders import OrdersComparison
from workshop_kit.faces.widgets.timeline import TimelinePlanner
from workshop_kit.faces.widgets.viability import ViabilityBuilder

__all__ = [
    "KnowledgeCheck",
    "OrdersComparison",
    "TimelinePlanner",
    "ViabilityBuilder",
]
