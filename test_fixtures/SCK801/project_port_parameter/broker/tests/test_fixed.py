# Another module passes a fixed port to one of the classes: its bind keeps its finding.
from broker.tests.fake import FixedBroker


def test_fixed_port():
    broker = FixedBroker({}, port=5672)
    broker.start()
