"""An on-screen keyboard for touch kiosks: Qt's own virtual keyboard needs QtQuick."""
