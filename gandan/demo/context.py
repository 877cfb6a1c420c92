import datetime
import random
from dataclasses import dataclass, field


@dataclass
class DemoContext:
    """What one step of the demo build hands to the next."""

    rng: random.Random
    today: datetime.date
    communes: dict = field(default_factory=dict)  # key -> Commune
    committees: dict = field(default_factory=dict)  # key -> Unit
    cells: dict = field(default_factory=dict)  # area name -> Unit
    areas: dict = field(default_factory=dict)  # area name -> Area
    members: dict = field(default_factory=dict)  # "cell name/full name" -> Member
    users: dict = field(default_factory=dict)  # username -> User
    log: list = field(default_factory=list)

    def say(self, line: str) -> None:
        self.log.append(line)
