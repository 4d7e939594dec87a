// The demo article's script: record what the labs say (as text, never HTML), and drive one of them.
const progress = document.getElementById('progress');
const names = ['ready', 'error', 'stepchange', 'prediction', 'goal', 'fault', 'play', 'pause'];

for (const name of names) {
  document.addEventListener(`trafficlab:${name}`, (event) => {
    const line = document.createElement('li');
    line.textContent = `${event.target.id}: ${event.type} ${JSON.stringify(event.detail)}`;
    line.dataset.lab = event.target.id;
    line.dataset.event = event.type;
    progress.append(line);
    // Keep the list short: a playing lab pauses and resumes as it scrolls.
    while (progress.children.length > 50) progress.firstElementChild.remove();
  });
}

const inline = document.getElementById('inline-lab');
document.getElementById('crash').addEventListener('click', () => inline.state === 'ready' && inline.inject({ kind: 'crash', target: 'app' }));
document.getElementById('recover').addEventListener('click', () => inline.state === 'ready' && inline.inject({ kind: 'recover', target: 'app' }));
