//! SharpHound/BloodHound collections.
