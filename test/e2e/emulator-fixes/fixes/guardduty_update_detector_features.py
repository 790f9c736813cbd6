"""GuardDuty UpdateDetector: named features are updated, the others kept.

AWS documents `Features` of UpdateDetector as "the features that will be
updated for the detector"
(https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateDetector.html);
a feature not named keeps its configuration. moto 5.2.5 replaces the whole
list, so a second `aws_guardduty_detector_feature` erases the first.
"""
from ._patch import replace


def merge_features(existing: list, updates: list) -> list:
    merged = {f.get("name") or f.get("Name"): dict(f) for f in existing}
    for update in updates:
        name = update.get("name") or update.get("Name")
        merged[name] = {**merged.get(name, {}), **update}
    return list(merged.values())


def apply() -> None:
    from moto.guardduty.models import Detector

    def make(original):
        def update(self, enable, finding_publishing_frequency, data_sources, features):
            if features is not None:
                features = merge_features(self.features or [], features)
            return original(self, enable, finding_publishing_frequency, data_sources, features)

        return update

    replace(Detector, "update", make)
