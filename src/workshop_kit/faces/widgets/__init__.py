"""ipywidgets for notebooks and the web app. Each widget works alone in any notebook."""

from workshop_kit.faces.widgets.knowledge_check import KnowledgeCheck
from workshop_kit.faces.widgets.orders import OrdersComparison

__all__ = ["KnowledgeCheck", "OrdersComparison"]
