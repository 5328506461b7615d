"""One module per map layer; each adds named FeatureGroups to a folium Map."""
