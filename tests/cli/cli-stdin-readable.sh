# process.stdin in paused mode: 'readable' and read() (all, n bytes, with setEncoding), 'end'
# after the last read, a listener added once the data waits, 'data' and 'readable' together,
# /dev/null and a file.
. ./lib.sh
printf 'abc\ndef\n' > "$TMP/in.txt"
printf 'abc\ndef\n' | "$RT" -e "process.stdin.on('readable', () => { let c; while ((c = process.stdin.read()) !== null) console.log('chunk', JSON.stringify(String(c))); console.log('readable done'); }); process.stdin.on('end', () => console.log('end'))"
"$RT" -e "process.stdin.setEncoding('utf8'); process.stdin.on('readable', () => console.log('read', JSON.stringify(process.stdin.read()))); process.stdin.on('end', () => console.log('end from a file'))" < "$TMP/in.txt"
printf 'abcdef' | "$RT" -e "process.stdin.once('readable', () => { console.log(String(process.stdin.read(2)), String(process.stdin.read(10)), process.stdin.read()); }); process.stdin.on('end', () => console.log('end'))"
"$RT" -e "process.stdin.on('readable', () => console.log('readable', process.stdin.read())); process.stdin.on('end', () => console.log('end of /dev/null'))" < /dev/null
printf 'xyz' | "$RT" -e "setTimeout(() => { process.stdin.on('readable', () => console.log('late readable', String(process.stdin.read()))); process.stdin.on('end', () => console.log('end')); }, 200)"
printf 'both' | "$RT" -e "process.stdin.on('data', (d) => console.log('data', String(d))); process.stdin.on('readable', () => { const c = process.stdin.read(); console.log('readable', c && String(c)); }); process.stdin.on('end', () => console.log('end'))"
