import time
from pathlib import Path
from app.store import open_store
from app import tags
from app.members.service import MemberDirectory
s=open_store(Path('/tmp/wt-tags-bench/demo.sqlite3'))
tid = tags.find_or_create(s, "Bench/Probe")
q="promo:1990..2003"
print(MemberDirectory(s).count(q))
a=time.perf_counter(); ch=tags.change_tag(s, tid, query=q); print("tag", ch.count, time.perf_counter()-a)
a=time.perf_counter(); r=tags.undo(s, ch); print("undo", r.count, time.perf_counter()-a)
a=time.perf_counter(); n=tags.tag_query(s, tid, q); print("tag_query", n, time.perf_counter()-a)
a=time.perf_counter(); n=tags.untag_query(s, tid, q); print("untag_query", n, time.perf_counter()-a)
print(tags.get(s, tid))
tags.delete(s, tid)
