// Records a tutorial as finished when its video plays to the end, and plays a chapter from its start when
// its time is chosen. Without this script the reader presses "finished" and a chapter's time opens the
// video at that time.
(function () {
  "use strict";
  var video = document.getElementById("tutorial-video");
  if (!video) {
    return;
  }
  var finish = document.getElementById("tutorial-finish");
  video.addEventListener("ended", function () {
    if (finish && !finish.dataset.sent) {
      finish.dataset.sent = "1";
      finish.submit();
    }
  });
  document.querySelectorAll("a[data-at]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      video.currentTime = Number(link.dataset.at);
      video.focus();
      video.play();
    });
  });
})();
