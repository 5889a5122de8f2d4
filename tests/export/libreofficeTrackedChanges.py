"""Reads a .docx with LibreOffice (through UNO): its tracked changes, then, after accepting or
rejecting them all, the text and list label of every paragraph as LibreOffice numbers it.

Usage: /usr/bin/python3 libreofficeTrackedChanges.py PROFILE_DIR MODE=FILE.docx...
with MODE accept, reject or none.
Prints one JSON object per file: {"changes": [{"author", "type"}], "paragraphs": [{"label",
"style", "text"}]}. Starts its own headless soffice on a private pipe and stops it at the end.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    profile, files = sys.argv[1], [arg.split("=", 1) for arg in sys.argv[2:]]
    pipe = "rapporteur_%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--norestore",
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
                )
                break
            except Exception:
                time.sleep(0.2)
        if ctx is None:
            raise RuntimeError("soffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx
        )
        for mode, path in files:
            doc = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(os.path.abspath(path)),
                "_blank",
                0,
                (prop("Hidden", True),),
            )
            changes = []
            redlines = doc.Redlines.createEnumeration()
            while redlines.hasMoreElements():
                r = redlines.nextElement()
                changes.append({"author": r.RedlineAuthor, "type": r.RedlineType})
            frame = doc.getCurrentController().getFrame()
            if mode == "accept":
                dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
            elif mode == "reject":
                dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
            paragraphs = []
            blocks = doc.Text.createEnumeration()
            while blocks.hasMoreElements():
                block = blocks.nextElement()
                if not block.supportsService("com.sun.star.text.Paragraph"):
                    continue
                paragraphs.append(
                    {
                        "label": block.ListLabelString,
                        "style": block.ParaStyleName,
                        "text": block.getString(),
                    }
                )
            print(json.dumps({"changes": changes, "paragraphs": paragraphs}))
            sys.stdout.flush()
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


main()
