// The learning area: video player (resume, position saving, keys, chapters), external
// embeds loaded only after consent, and focus handling after htmx swaps.
(function () {
  "use strict";

  document.documentElement.classList.add("learning-js");

  function savePosition(player, video, ended, useBeacon) {
    var url = player.getAttribute("data-position-url");
    if (!url || !isFinite(video.currentTime)) {
      return;
    }
    var data = new FormData();
    data.append("csrfmiddlewaretoken", player.getAttribute("data-csrf"));
    data.append("position", video.currentTime.toFixed(1));
    if (isFinite(video.duration)) {
      data.append("duration", video.duration.toFixed(1));
    }
    if (ended) {
      data.append("ended", "1");
    }
    if (useBeacon && navigator.sendBeacon) {
      navigator.sendBeacon(url, data);
      return;
    }
    fetch(url, { method: "POST", body: data, credentials: "same-origin" }).catch(function () {
      // Offline: the next save will carry the position.
    });
  }

  function showCaptions(video, on) {
    for (var i = 0; i < video.textTracks.length; i++) {
      var track = video.textTracks[i];
      if (track.kind === "captions" || track.kind === "subtitles") {
        track.mode = on && i === preferredTrack(video) ? "showing" : "disabled";
      }
    }
  }

  function preferredTrack(video) {
    var lang = document.documentElement.lang;
    for (var i = 0; i < video.textTracks.length; i++) {
      if (video.textTracks[i].language === lang) {
        return i;
      }
    }
    return 0;
  }

  function captionsShowing(video) {
    for (var i = 0; i < video.textTracks.length; i++) {
      if (video.textTracks[i].mode === "showing") {
        return true;
      }
    }
    return false;
  }

  function onKey(event, video) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var key = event.key.toLowerCase();
    if (key === " " || key === "k") {
      if (video.paused) { video.play(); } else { video.pause(); }
    } else if (key === "arrowleft" || key === "j") {
      video.currentTime = Math.max(0, video.currentTime - 5);
    } else if (key === "arrowright" || key === "l") {
      video.currentTime = Math.min(video.duration || Infinity, video.currentTime + 5);
    } else if (key === "c") {
      showCaptions(video, !captionsShowing(video));
    } else if (key === "m") {
      video.muted = !video.muted;
    } else if (key === "f") {
      if (document.fullscreenElement) { document.exitFullscreen(); } else if (video.requestFullscreen) { video.requestFullscreen(); }
    } else {
      return;
    }
    event.preventDefault();
  }

  function setUpPlayer(player) {
    var video = player.querySelector("video");
    if (video && !video.hasAttribute("data-ready")) {
      video.setAttribute("data-ready", "");
      var resume = parseFloat(player.getAttribute("data-resume") || "0");
      var lastSaved = 0;
      video.addEventListener("loadedmetadata", function () {
        if (resume > 5 && (!isFinite(video.duration) || resume < video.duration - 5)) {
          video.currentTime = resume;
        }
        if (video.textTracks.length) {
          showCaptions(video, true);
        }
      });
      video.addEventListener("timeupdate", function () {
        if (!video.paused && Math.abs(video.currentTime - lastSaved) >= 10) {
          lastSaved = video.currentTime;
          savePosition(player, video, false, false);
        }
      });
      video.addEventListener("pause", function () {
        lastSaved = video.currentTime;
        savePosition(player, video, false, false);
      });
      video.addEventListener("seeked", function () {
        if (video.paused) {
          savePosition(player, video, false, false);
        }
      });
      video.addEventListener("ended", function () { savePosition(player, video, true, false); });
      video.addEventListener("keydown", function (event) { onKey(event, video); });
      window.addEventListener("pagehide", function () {
        if (video.currentTime > 0 && !video.ended) {
          savePosition(player, video, false, true);
        }
      });
      player.querySelectorAll("[data-seek]").forEach(function (button) {
        button.addEventListener("click", function () {
          video.currentTime = parseFloat(button.getAttribute("data-seek"));
          video.play();
          video.focus();
        });
      });
    }
    var embed = player.querySelector("[data-embed]");
    if (embed) {
      var load = embed.querySelector("[data-embed-load]");
      if (load && !load.hasAttribute("data-ready")) {
        load.setAttribute("data-ready", "");
        load.addEventListener("click", function () {
          var frame = document.createElement("iframe");
          frame.src = embed.getAttribute("data-embed-src");
          frame.title = embed.getAttribute("data-embed-title");
          frame.allow = "autoplay; fullscreen; picture-in-picture";
          frame.setAttribute("allowfullscreen", "");
          frame.referrerPolicy = "strict-origin-when-cross-origin";
          embed.replaceChildren(frame);
          frame.focus();
        });
      }
    }
  }

  function setUpAll(root) {
    root.querySelectorAll("[data-player]").forEach(setUpPlayer);
  }

  document.addEventListener("DOMContentLoaded", function () { setUpAll(document); });

  // After htmx replaced a quiz or answer block, move focus to its result or error summary so
  // that screen reader and keyboard users learn what happened. (htmx itself keeps the focus
  // on a ticked checklist box: it has an id.)
  var swappedId = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    swappedId = event.detail.target ? event.detail.target.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    var block = swappedId ? document.getElementById(swappedId) : null;
    swappedId = null;
    if (!block) {
      return;
    }
    setUpAll(block);
    var focus = block.querySelector("[data-autofocus]");
    if (focus) {
      focus.focus();
    }
  });
})();
